//go:build !unix

package site

// lockFolder does nothing here: builds into the same output folder at
// the same time are not kept apart (see lock_unix.go).
func lockFolder(dir string) (unlock func()) { return func() {} }
