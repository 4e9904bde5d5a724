package importkit

import (
	"fmt"
	"io"
	"os"

	"github.com/archdoc/archdoc/internal/inputfile"
	"github.com/archdoc/archdoc/interop/internal/words"
)

// MaxFileSize bounds one input file: the parsers hold many times the
// input in memory, so a huge file is refused before it is read.
const MaxFileSize = 10 << 20

// File is one input file's name (as the user gave it) and contents.
type File struct {
	Name string
	Data []byte
}

// ReadFile reads path if it is a regular file no larger than MaxFileSize.
func ReadFile(path string) (File, error) {
	f, err := inputfile.Open(path)
	if err != nil {
		return File{}, inputfile.Errorf(path, err)
	}
	defer f.Close()
	return readLimited(path, f)
}

// ReadIn reads name inside root (nothing outside it), as ReadFile.
func ReadIn(root *os.Root, name, shown string) (File, error) {
	f, err := inputfile.OpenIn(root, name)
	if err != nil {
		return File{}, inputfile.Errorf(shown, err)
	}
	defer f.Close()
	return readLimited(shown, f)
}

func readLimited(name string, r io.Reader) (File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return File{}, inputfile.Errorf(name, err)
	}
	if err := CheckSize(name, data); err != nil {
		return File{}, err
	}
	return File{Name: name, Data: data}, nil
}

// CheckSize refuses data larger than MaxFileSize.
func CheckSize(name string, data []byte) error {
	if len(data) > MaxFileSize {
		return fmt.Errorf("%s: larger than the %s an import reads from one file", name, words.Size(MaxFileSize))
	}
	return nil
}
