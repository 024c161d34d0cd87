package all_test

import "time"

type timeT = time.Time
