package structurizr

import (
	"testing"

	"github.com/archdoc/archdoc/interop/internal/exporttest"
)

func TestGolden(t *testing.T) {
	exporttest.CheckGolden(t, Write, "dsl", exporttest.CheckDSL)
}
