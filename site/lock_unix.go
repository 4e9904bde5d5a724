//go:build unix

package site

import (
	"os"
	"syscall"
)

// lockFolder takes an exclusive lock on dir (flock), held until unlock:
// builds into the same output folder take it on the folder's parent
// while they read the output folder and swap the new site in. Where no
// lock can be had (a file system without flock) it returns at once and
// the build goes on unlocked, as before.
func lockFolder(dir string) (unlock func()) {
	f, err := os.Open(dir)
	if err != nil {
		return func() {}
	}
	for {
		if err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return func() {}
	}
	return func() { f.Close() } // closing the only descriptor releases the lock
}
