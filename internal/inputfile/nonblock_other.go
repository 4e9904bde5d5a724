//go:build !unix

package inputfile

// nonBlocking is 0 where open does not block on pipes the way Unix
// named pipes do; the look before opening still refuses them.
const nonBlocking = 0
