package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// BudgetSeconds parses presentation.duration: a Go duration ("10m",
// "1h30m") or a bare number of minutes ("10"); "" is no budget (0). It is
// the one rule for the time budget: validate checks it so that a budget
// the deck would refuse is reported before anything is built.
func BudgetSeconds(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 0 {
		return int(math.Round(n * 60)), nil
	}
	dur, err := time.ParseDuration(s)
	if err != nil || dur <= 0 {
		return 0, fmt.Errorf("time budget %q is not a duration such as 10m or 1h30m", s)
	}
	return int(dur.Round(time.Second) / time.Second), nil
}

// checkPresentation reports a time budget the deck cannot use.
func (v *validator) checkBudget() {
	if p := v.m.Presentation; p != nil {
		if _, err := BudgetSeconds(p.Duration); err != nil {
			v.errorf("presentation.duration", "%s", err.Error())
		}
	}
}
