module github.com/archdoc/archdoc/internal/pinyin/gen

go 1.26

require github.com/mozillazg/go-pinyin v0.21.0
