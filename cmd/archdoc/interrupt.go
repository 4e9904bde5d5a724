package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// untilInterrupted is ctx, cancelled by Ctrl-C or SIGTERM so that a
// command stops its work and cleans up after itself (a build removes its
// unfinished site folder, serve stops serving). A second signal stops the
// process at once, as without archdoc's handling.
func untilInterrupted(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	return ctx, stop
}
