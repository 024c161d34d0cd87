package main

import "io/fs"

type fsT = fs.FS
