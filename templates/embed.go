// Package templates holds the static site's HTML templates, stylesheet and
// scripts, embedded so that the archdoc binary is all a user installs.
package templates

import "embed"

// FS holds html/*.html (html/template sources: layout.html defines the
// page frame, every other file defines "content" for one kind of page)
// and assets/* (copied to the site's assets/ folder as they are).
//
//go:embed html/*.html assets/*
var FS embed.FS
