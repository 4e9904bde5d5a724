package view

import "testing"

// An async flow's arrow is async in every view that draws it, and in its
// sequence the messages to or from the queue are; the others are not.
func TestAsyncFlowsAndTheirQueueMessages(t *testing.T) {
	m := load(t, kindsFixture)
	edges := map[string]bool{}
	for _, e := range Business(m).Edges {
		edges[e.ID] = e.Async
	}
	for id, async := range map[string]bool{
		"order-service-order-events": true, "order-events-mailer": true, "order-service-payments": false,
	} {
		if got, ok := edges[id]; !ok || got != async {
			t.Errorf("business view: %s async=%v (drawn: %v), want %v", id, got, ok, async)
		}
	}
	var got []bool
	for _, e := range Flow(m, "order-service-order-events").Edges {
		got = append(got, e.Async)
	}
	if len(got) != 3 || !got[0] || !got[1] || got[2] {
		t.Errorf("sequence messages async = %v, want [true true false]: the e-mail is not through the queue", got)
	}
	for _, e := range Flow(m, "place-order").Edges {
		if e.Async {
			t.Errorf("place-order is not async, yet its message %s is", e.ID)
		}
	}
}

// A flow's sequence diagram is headed by its scenario title when it has
// one, by its label otherwise.
func TestSequenceTitle(t *testing.T) {
	m := load(t, kindsFixture)
	if got := Flow(m, "place-order").Title; got != "Order checkout" {
		t.Errorf("place-order's sequence is titled %q, want its scenario title", got)
	}
	if got := Flow(m, "order-service-order-events").Title; got != "publishes" {
		t.Errorf("the queue flow's sequence is titled %q, want its label", got)
	}
}
