// Package chrome finds a Chromium or Chrome on the machine and starts it
// headless for chromedp. The slides PDF writer and the site's browser tests
// share it so that every caller uses the same, known-good flags.
package chrome

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"

	"github.com/chromedp/chromedp"
)

// EnvVar names the environment variable that points at a browser binary.
const EnvVar = "ARCHDOC_CHROME"

// ErrNotFound is returned (wrapped) when no browser can be found.
var ErrNotFound = errors.New("no Chromium or Chrome found")

// names are looked up on PATH, in order.
var names = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"}

// usualPlaces is installLocations; tests replace it.
var usualPlaces = installLocations

// installLocations returns the usual absolute install paths for goos.
func installLocations(goos string) []string {
	switch goos {
	case "darwin":
		return []string{
			"/Applications/Chromium.app/Contents/MacOS/Chromium",
			"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
			"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
		}
	case "windows":
		local := os.Getenv("LOCALAPPDATA")
		return []string{
			`C:\Program Files\Google\Chrome\Application\chrome.exe`,
			`C:\Program Files (x86)\Google\Chrome\Application\chrome.exe`,
			local + `\Google\Chrome\Application\chrome.exe`,
			local + `\Chromium\Application\chrome.exe`,
			`C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`,
			`C:\Program Files\Microsoft\Edge\Application\msedge.exe`,
		}
	}
	return []string{
		"/usr/bin/chromium",
		"/usr/bin/chromium-browser",
		"/usr/bin/google-chrome",
		"/usr/bin/google-chrome-stable",
		"/usr/lib/chromium/chromium",
		"/snap/bin/chromium",
		"/opt/google/chrome/chrome",
		"/usr/local/bin/chrome",
	}
}

// Find returns the path of a browser binary. An explicit override (from a
// --chrome flag) wins, then $ARCHDOC_CHROME, then the names on PATH, then
// the usual install locations. An override or environment value that does
// not point at an executable is an error rather than silently ignored, so a
// typo does not make archdoc use some other browser.
func Find(override string) (string, error) {
	if override != "" {
		return check(override, "--chrome")
	}
	if env := os.Getenv(EnvVar); env != "" {
		return check(env, "$"+EnvVar)
	}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	for _, p := range usualPlaces(runtime.GOOS) {
		if isExecutable(p) {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w; %s", ErrNotFound, howToGetOne)
}

var howToGetOne = "install one (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium)" +
	" or pass --chrome PATH or set " + EnvVar + "=PATH"

// check resolves a user-given browser path or name.
func check(p, from string) (string, error) {
	if isExecutable(p) {
		return p, nil
	}
	if lp, err := exec.LookPath(p); err == nil {
		return lp, nil
	}
	return "", fmt.Errorf("%w: %s %q is not an executable file; %s", ErrNotFound, from, p, howToGetOne)
}

func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	if err != nil || fi.IsDir() {
		return false
	}
	return runtime.GOOS == "windows" || fi.Mode()&0o111 != 0
}

// Flags are the command-line switches every archdoc browser runs with:
// headless, no sandbox (CI runs as root), and nothing that phones home.
// chromedp adds a fresh temporary --user-data-dir per browser.
func Flags() []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
	}
}

// NewAllocator returns a chromedp allocator context that starts the browser
// at path with Flags (plus extra options). Pass the result to
// chromedp.NewContext; call cancel to stop the browser and remove its
// temporary profile.
func NewAllocator(ctx context.Context, path string, extra ...chromedp.ExecAllocatorOption) (context.Context, context.CancelFunc) {
	opts := append(Flags(), chromedp.ExecPath(path))
	opts = append(opts, extra...)
	return chromedp.NewExecAllocator(ctx, opts...)
}
