package scene

import "testing"

func TestGroupIndex(t *testing.T) {
	s := &Scene{
		Groups:   []string{"frontend", "backoffice", "data"},
		Clusters: []Cluster{{ID: "data", Group: "data"}},
		Nodes:    []Node{{ID: "x", Group: "extra"}, {ID: "y", Group: "data"}, {ID: "z", Group: "other"}},
	}
	for group, want := range map[string]int{"": -1, "frontend": 0, "data": 2, "extra": 3, "other": 4} {
		if got := s.GroupIndex(group); got != want {
			t.Errorf("GroupIndex(%q) = %d, want %d", group, got, want)
		}
	}
	// Without Groups, first appearance decides (clusters, then nodes).
	s.Groups = nil
	for group, want := range map[string]int{"data": 0, "extra": 1, "other": 2} {
		if got := s.GroupIndex(group); got != want {
			t.Errorf("without Groups: GroupIndex(%q) = %d, want %d", group, got, want)
		}
	}
}
