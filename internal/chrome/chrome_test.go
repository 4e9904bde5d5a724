package chrome

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestFindOverrideMustExist(t *testing.T) {
	_, err := Find(filepath.Join(t.TempDir(), "no-such-chrome"))
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "--chrome") {
		t.Fatalf("Find(missing) = %v, want ErrNotFound mentioning --chrome", err)
	}
}

func TestFindOverrideAndEnv(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "my-chrome")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(fake); err != nil || got != fake {
		t.Fatalf("Find(override) = %q, %v; want %q", got, err, fake)
	}
	t.Setenv(EnvVar, fake)
	if got, err := Find(""); err != nil || got != fake {
		t.Fatalf("Find with $%s = %q, %v; want %q", EnvVar, got, err, fake)
	}
	t.Setenv(EnvVar, filepath.Join(dir, "missing"))
	if _, err := Find(""); err == nil || !strings.Contains(err.Error(), EnvVar) {
		t.Fatalf("Find with bad $%s = %v, want an error naming it", EnvVar, err)
	}
}

func TestFindNothingSaysHowToGetOne(t *testing.T) {
	t.Setenv(EnvVar, "")
	t.Setenv("PATH", t.TempDir())
	saved := usualPlaces
	usualPlaces = func(string) []string { return []string{filepath.Join(t.TempDir(), "chromium")} }
	defer func() { usualPlaces = saved }()
	_, err := Find("")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("Find with no browser anywhere = %v, want ErrNotFound", err)
	}
	for _, want := range []string{"apt-get install chromium", "--chrome", EnvVar} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestInstallLocationsAreAbsolute(t *testing.T) {
	for _, goos := range []string{"linux", "darwin", "windows"} {
		for _, p := range installLocations(goos) {
			if !strings.HasPrefix(p, "/") && !strings.Contains(p, `:\`) && !strings.HasPrefix(p, `\`) {
				t.Errorf("%s: %q is not absolute", goos, p)
			}
		}
	}
}

func TestNewAllocatorRunsBrowser(t *testing.T) {
	path, err := Find("")
	if err != nil {
		t.Skip("LOUD: no Chromium/Chrome installed (apt-get install chromium); CI installs it: ", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	actx, acancel := NewAllocator(ctx, path)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	html := "data:text/html;charset=utf-8,<title>ok 中文</title>"
	if err := chromedp.Do(bctx, chromedp.Navigate(html)); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(bctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if title != "ok 中文" {
		t.Fatalf("title = %q", title)
	}
}
