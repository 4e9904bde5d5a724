package exporttest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// C4-PlantUML rules checked (from the C4-PlantUML README and PlantUML's
// preprocessor docs): @startuml/@enduml around everything, the stdlib
// include before any macro, macros with their documented arities,
// arguments that are aliases (letters, digits, _) or "..." strings
// without a quote inside (no escape exists) and without backslashes or
// $ (preprocessor), unique aliases, Rel only between declared aliases,
// boundaries opened with "{" and closed by "}" alone.

var macroArity = map[string][2]int{
	"Person": {2, 6}, "Person_Ext": {2, 6}, "System": {2, 6}, "System_Ext": {2, 6},
	"System_Boundary": {2, 4}, "Boundary": {2, 4}, "Container": {2, 6}, "Rel": {3, 6},
	"SHOW_LEGEND": {0, 1},
}

var (
	macroRE = regexp.MustCompile(`^([A-Za-z_]+)\((.*)\)( \{)?$`)
	aliasRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// CheckPlantUML reports every rule the diagram breaks.
func CheckPlantUML(t *testing.T, src string) {
	t.Helper()
	for _, p := range PlantUMLProblems(src) {
		t.Error(p)
	}
}

// PlantUMLProblems lists rule violations, "line N: ...".
func PlantUMLProblems(src string) []string {
	var errs []string
	errf := func(n int, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("line %d: ", n)+fmt.Sprintf(format, args...))
	}
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	if lines[0] != "@startuml" || lines[len(lines)-1] != "@enduml" {
		errf(1, "not wrapped in @startuml ... @enduml")
	}
	aliases := map[string]bool{}
	included, depth := false, 0
	for i, raw := range lines {
		n, l := i+1, strings.TrimSpace(raw)
		switch {
		case l == "" || strings.HasPrefix(l, "'") || l == "@startuml" || l == "@enduml":
		case l == "!include <C4/C4_Container>":
			included = true
		case strings.HasPrefix(l, "title "):
			if strings.ContainsAny(l, `\$`) {
				errf(n, "title with a backslash or $")
			}
		case l == "}":
			if depth--; depth < 0 {
				errf(n, "'}' closes nothing")
			}
		default:
			mm := macroRE.FindStringSubmatch(l)
			if mm == nil {
				errf(n, "not a macro call: %q", l)
				continue
			}
			if !included {
				errf(n, "%s before !include", mm[1])
			}
			args, err := splitArgs(mm[2])
			if err != nil {
				errf(n, "%v", err)
				continue
			}
			ar, ok := macroArity[mm[1]]
			if !ok || len(args) < ar[0] || len(args) > ar[1] {
				errf(n, "%s with %d arguments", mm[1], len(args))
				continue
			}
			if strings.HasSuffix(mm[1], "Boundary") != (mm[3] != "") {
				errf(n, "only boundaries open a block")
			}
			if mm[3] != "" {
				depth++
			}
			checkAliases(mm[1], args, aliases, func(f string, a ...any) { errf(n, f, a...) })
		}
	}
	if depth != 0 {
		errf(len(lines), "%d unclosed boundaries", depth)
	}
	return errs
}

func checkAliases(macro string, args []string, aliases map[string]bool, errf func(string, ...any)) {
	if macro == "SHOW_LEGEND" {
		return
	}
	ends := 1
	if macro == "Rel" {
		ends = 2
	}
	for j := 0; j < ends; j++ {
		a := args[j]
		if !aliasRE.MatchString(a) {
			errf("bad alias %q", a)
		}
		switch {
		case macro == "Rel" && !aliases[a]:
			errf("Rel to undeclared alias %q", a)
		case macro != "Rel" && aliases[a]:
			errf("alias %q declared twice", a)
		case macro != "Rel":
			aliases[a] = true
		}
	}
	for _, a := range args[ends:] {
		if !strings.HasPrefix(a, `"`) {
			errf("argument %s is not a string", a)
		}
	}
}

// splitArgs splits macro arguments at commas outside strings.
func splitArgs(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var args []string
	var cur strings.Builder
	inStr := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			inStr = !inStr
			cur.WriteByte(c)
		case c == ',' && !inStr:
			args = append(args, strings.TrimSpace(cur.String()))
			cur.Reset()
		case inStr && (c == '\\' || c == '$'):
			return nil, fmt.Errorf("%q inside a string", c)
		default:
			cur.WriteByte(c)
		}
	}
	if inStr {
		return nil, fmt.Errorf("unterminated string")
	}
	args = append(args, strings.TrimSpace(cur.String()))
	for _, a := range args {
		if strings.HasPrefix(a, `"`) && (len(a) < 2 || !strings.HasSuffix(a, `"`) || strings.Contains(a[1:len(a)-1], `"`)) {
			return nil, fmt.Errorf("argument %s has a quote inside", a)
		}
	}
	return args, nil
}
