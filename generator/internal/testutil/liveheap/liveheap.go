// Package liveheap measures what a structure keeps alive, for the tests
// that hold the model's memory to a budget per finding, action or row.
package liveheap

import "runtime"

// Per returns the live heap that drop lets go of, per item of n: the
// heap in use after two collections before drop, less the same after it.
// drop's closure keeps the rest of what it refers to alive throughout.
func Per(n int, drop func()) float64 {
	with := Live()
	drop()
	without := Live()
	runtime.KeepAlive(drop)
	return (float64(with) - float64(without)) / float64(n)
}

// Live collects twice and returns the heap in use.
func Live() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
