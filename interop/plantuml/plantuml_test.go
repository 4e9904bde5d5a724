package plantuml

import (
	"testing"

	"github.com/archdoc/archdoc/interop/internal/exporttest"
)

func TestGolden(t *testing.T) {
	exporttest.CheckGolden(t, Write, "puml", exporttest.CheckPlantUML)
}
