// Package synth generates synthetic architecture models of any size for
// benchmarks and scale tests: N modules in N/10 domains, about 2.7
// labelled flows per module, a third of the labels in Chinese, and a
// stack whose technologies are used by the modules. Output depends only
// on N and the seed.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Chinese label fragments: a third of all names and labels draw from them.
var zhNouns = []string{"订单", "用户", "支付", "卡券", "红包", "钱包", "提现", "商家", "返利", "推荐", "搜索", "消息", "风控", "结算", "库存"}
var zhVerbs = []string{"查询", "同步", "推送", "校验", "写入", "回调", "统计", "通知"}
var enNouns = []string{"order", "user", "payment", "coupon", "wallet", "merchant", "search", "report", "ledger", "profile", "catalog", "invoice", "audit", "session", "feed"}
var enVerbs = []string{"reads", "writes", "notifies", "syncs", "validates", "calls", "publishes", "queries"}

// Model returns the YAML text of a valid model with n modules (n >= 1).
func Model(n int, seed uint64) []byte {
	if n < 1 {
		n = 1
	}
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	domains := max(1, n/10)
	var b strings.Builder
	fmt.Fprintf(&b, "name: Synthetic %d\nlanguage: zh-CN\nsummary: 合成模型 with %d modules in %d domains.\n", n, n, domains)
	b.WriteString("actors:\n  - id: customer\n    name: 顾客\n    kind: person\n  - id: partner-api\n    name: Partner API\n    kind: external\n")

	techs := []string{"nginx", "php", "mysql", "redis", "sqs", "supervisor"}
	b.WriteString("stack:\n  layers:\n")
	for i, t := range techs {
		if i%2 == 0 {
			fmt.Fprintf(&b, "    - id: layer-%d\n      name: Layer %d\n      technologies:\n", i/2, i/2)
		}
		fmt.Fprintf(&b, "        - id: %s\n          name: %s\n          what: %s is part of the synthetic stack.\n", t, t, t)
	}

	b.WriteString("domains:\n")
	for d := 0; d < domains; d++ {
		fmt.Fprintf(&b, "  - id: d%d\n    name: %s\n    modules:\n", d, label(r, d, "域", "domain"))
		for m := d; m < n; m += domains {
			fmt.Fprintf(&b, "      - id: m%d\n        name: %s\n        description: %s\n        tech: [%s, %s]\n",
				m, label(r, m, "服务", "service"), label(r, m+1, "模块说明", "module description"),
				techs[m%len(techs)], techs[(m+2)%len(techs)])
		}
	}

	// About 2.7 flows per module: two to a random other module, and a
	// third for seven in ten modules.
	b.WriteString("flows:\n")
	b.WriteString("  - from: customer\n    to: m0\n    label: 访问\n  - from: m0\n    to: partner-api\n    label: calls\n")
	for m := 0; m < n && n > 1; m++ {
		k := 2
		if r.IntN(10) < 7 {
			k = 3
		}
		for j := 0; j < k; j++ {
			to := r.IntN(n - 1)
			if to >= m {
				to++
			}
			fmt.Fprintf(&b, "  - from: m%d\n    to: m%d\n    label: %s\n", m, to, verb(r))
		}
	}
	return []byte(b.String())
}

// label picks a name; every third index gets a Chinese one.
func label(r *rand.Rand, i int, zhSuffix, enSuffix string) string {
	if i%3 == 0 {
		return zhNouns[r.IntN(len(zhNouns))] + zhSuffix + fmt.Sprint(i)
	}
	return fmt.Sprintf("%s %s %d", enNouns[r.IntN(len(enNouns))], enSuffix, i)
}

func verb(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return zhVerbs[r.IntN(len(zhVerbs))] + zhNouns[r.IntN(len(zhNouns))]
	}
	return enVerbs[r.IntN(len(enVerbs))] + " " + enNouns[r.IntN(len(enNouns))]
}
