package site

import "github.com/archdoc/archdoc/model"

// storeRow is one store on its module's page: a section of that page
// (its id is the store's, so links to the store land on it).
type storeRow struct {
	ID          string
	Name        string
	Kind        string // database, cache or queue, in the UI's language
	Tech        *link
	Description string
}

func (b *builder) storeRows(p *page, mo *model.Module) []storeRow {
	var rows []storeRow
	for i := range mo.Stores {
		s := &mo.Stores[i]
		row := storeRow{ID: s.ID, Name: s.DisplayName(), Kind: b.ui["store-"+s.StoreKind()], Description: s.Description}
		if s.Tech != "" {
			t := p.ref(s.Tech)
			row.Tech = &t
		}
		rows = append(rows, row)
	}
	return rows
}
