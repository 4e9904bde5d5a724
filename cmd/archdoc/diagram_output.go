package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/archdoc/archdoc/builder"
	"github.com/archdoc/archdoc/internal/outpath"
	"github.com/archdoc/archdoc/render/scene"
)

// diagramPlan says where drawn views go.
type diagramPlan struct {
	stdout bool   // write the one document to standard output
	file   string // write the one document to this file
	dir    string // otherwise: one file per view (or one .drawio) in this folder
}

// planOutput decides the destination from -o, the format and the number
// of views, before any work is done.
func planOutput(opts *diagramOptions, ids []string) (diagramPlan, error) {
	ext := diagramFormats[opts.Format]
	single := len(ids) == 1 || opts.Format == "drawio" // drawio: all views in one file
	switch {
	case opts.Out == "-":
		if !single {
			return diagramPlan{}, usageErrorf("archdoc diagram", "-o - writes one document: name one view, or use --format drawio for several")
		}
		return diagramPlan{stdout: true}, nil
	case strings.HasSuffix(strings.ToLower(opts.Out), ext):
		if !single {
			return diagramPlan{}, usageErrorf("archdoc diagram", "-o %s names one file but %d views were asked for; name a folder instead", opts.Out, len(ids))
		}
		return diagramPlan{file: opts.Out}, nil
	case opts.Out == "":
		return diagramPlan{dir: defaultDiagramDir}, nil
	}
	if ext := filepath.Ext(opts.Out); ext != "" && isDiagramExt(ext) {
		return diagramPlan{}, usageErrorf("archdoc diagram", "-o %s does not end in %s, the extension of --format %s", opts.Out, diagramFormats[opts.Format], opts.Format)
	}
	if fi, err := os.Stat(opts.Out); err == nil && !fi.IsDir() {
		// Without this, the user's file surfaces as "mkdir: not a directory".
		return diagramPlan{}, fmt.Errorf("-o %s is an existing file, not a folder: name a folder, or a file ending in %s to draw one view", opts.Out, ext)
	}
	return diagramPlan{dir: opts.Out}, nil
}

func isDiagramExt(ext string) bool {
	for _, e := range diagramFormats {
		if strings.EqualFold(e, ext) {
			return true
		}
	}
	return false
}

// diagramFile is one document ready to be written.
type diagramFile struct {
	path string // "" = standard output
	data []byte
}

// drawDiagrams renders every scene in memory, so a failure leaves no
// file half-written.
func drawDiagrams(opts *diagramOptions, plan diagramPlan, scenes []*scene.Scene) ([]diagramFile, error) {
	ext := diagramFormats[opts.Format]
	dest := func(name string) string {
		switch {
		case plan.stdout:
			return ""
		case plan.file != "":
			return plan.file
		}
		return filepath.Join(plan.dir, filepath.FromSlash(name)+ext)
	}
	if opts.Format == "drawio" {
		var b bytes.Buffer
		if err := builder.Draw(&b, "drawio", scenes, builder.DrawOptions{}); err != nil {
			return nil, err
		}
		name := modelBaseName(opts.File)
		if len(scenes) == 1 {
			name = scenes[0].ID
		}
		return []diagramFile{{dest(name), b.Bytes()}}, nil
	}
	files := make([]diagramFile, 0, len(scenes))
	for _, s := range scenes {
		var b bytes.Buffer
		path := dest(s.ID)
		shown := filepath.ToSlash(path)
		if path == "" {
			shown = "view " + s.ID
		}
		warn := func(msg string) { fmt.Fprintf(opts.Stderr, "warning: %s: %s\n", shown, msg) }
		if err := builder.Draw(&b, opts.Format, []*scene.Scene{s}, builder.DrawOptions{Font: opts.Font, Warn: warn}); err != nil {
			return nil, fmt.Errorf("view %s: %w", s.ID, err)
		}
		files = append(files, diagramFile{path, b.Bytes()})
	}
	return files, nil
}

// writeDiagrams writes every file or none (see outpath.WriteAtomic),
// never over a file the model read, and names each on standard output.
func writeDiagrams(opts *diagramOptions, files []diagramFile, inputs *outpath.Inputs) error {
	var out []outpath.File
	for _, f := range files {
		if f.path == "" {
			if _, err := opts.Stdout.Write(f.data); err != nil {
				return err
			}
			continue
		}
		out = append(out, outpath.File{Path: f.path, Data: f.data})
	}
	if err := outpath.WriteAtomic(inputs, out...); err != nil {
		return err
	}
	for _, f := range out {
		fmt.Fprintln(opts.Stdout, filepath.ToSlash(f.Path))
	}
	return nil
}
