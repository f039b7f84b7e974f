package report

import (
	"slices"
	"sync"
)

// currentCache keeps the wording current decides for each catalogue note:
// the notes change only with the catalogue, but every evaluation reads
// them, and the regular expressions of TimeBound cost more than the rest
// of the Übersicht.
var currentCache struct {
	sync.Mutex
	m map[[2]string]currentWording
}

type currentWording struct {
	text    string
	dropped []string
}

// maxCurrentCache bounds the cache for a session that edits the catalogue
// again and again; a catalogue has a few hundred notes.
const maxCurrentCache = 4096

// currentCached is current, remembered.
func currentCached(field, original string) (string, []string) {
	key := [2]string{field, original}
	currentCache.Lock()
	w, ok := currentCache.m[key]
	currentCache.Unlock()
	if ok {
		return w.text, slices.Clone(w.dropped)
	}
	text, dropped := current(field, original)
	currentCache.Lock()
	if currentCache.m == nil || len(currentCache.m) >= maxCurrentCache {
		currentCache.m = map[[2]string]currentWording{}
	}
	currentCache.m[key] = currentWording{text, slices.Clone(dropped)}
	currentCache.Unlock()
	return text, dropped
}
