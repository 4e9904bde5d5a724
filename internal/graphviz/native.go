package graphviz

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"sync"
)

var (
	nativeOnce sync.Once
	nativePath string
	nativeErr  error
)

// nativeDot finds the installed dot program.
func nativeDot() (string, error) {
	nativeOnce.Do(func() {
		nativePath, nativeErr = exec.LookPath("dot")
		if nativeErr != nil {
			nativeErr = errors.New("native Graphviz: the dot program is not installed (install graphviz, or use the bundled engine)")
		}
	})
	return nativePath, nativeErr
}

func hasNative() bool {
	_, err := nativeDot()
	return err == nil
}

// runNative lays src out with `dot -Tjson0`, killed when ctx is done.
func runNative(ctx context.Context, src []byte) ([]byte, error) {
	path, err := nativeDot()
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, path, "-Tjson0")
	cmd.Stdin = bytes.NewReader(src)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("dot: %v: %s", err, strings.TrimSpace(errOut.String()))
	}
	if !json.Valid(out.Bytes()) {
		return nil, errors.New("dot returned something other than JSON")
	}
	return out.Bytes(), nil
}
