# vulnreport — make report builds the sample snapshot into output/; make test runs every test.
GO       ?= go
VERSION  ?= 0.1.0
LDFLAGS  := -X vulnreport/generator/internal/app.ToolVersion=$(VERSION)
PKGS     := ./generator/...
FUZZTIME ?= 20s

.PHONY: all build report test bench lint fuzz golden clean check

all: lint test report

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/vulnreport ./generator/cmd/vulnreport

## report: build the sample snapshot in data/ into output/
report:
	$(GO) run -trimpath ./generator/cmd/vulnreport build --data data --out output --content content

## check: validate the sample snapshot
check:
	$(GO) run ./generator/cmd/vulnreport check --data data

## test: vet and every test (browser, PDF and LibreOffice tests skip cleanly where their tools are missing)
test:
	$(GO) vet $(PKGS)
	$(GO) test -count=1 $(PKGS)

## bench: the synthetic enterprise (10,000 systems, 1,000,000 components, 200,000 advisories) stage by stage, its
## whole build against the floor probe, and the Go benchmarks
bench: build
	$(GO) run ./generator/cmd/benchreport --render --full bin/vulnreport --content content
	$(GO) test -run='^$$' -bench=. -benchmem -benchtime=3x ./generator/...

## lint: formatting, vet and module tidiness
lint:
	@out=$$(gofmt -l generator); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)
	$(GO) mod verify

## fuzz: every fuzz target for FUZZTIME each
fuzz:
	@set -e; for spec in $$($(GO) run ./generator/cmd/fuzzlist); do \
		pkg=$${spec%%:*}; target=$${spec##*:}; \
		echo "== $$target in $$pkg ($(FUZZTIME))"; \
		$(GO) test -run='^$$' -fuzz="^$$target\$$" -fuzztime=$(FUZZTIME) $$pkg; \
	done

## golden: rewrite golden files (review the diff before committing); only the packages whose
## tests use testutil/golden get -update, the flag it defines (another package would reject it)
GOLDEN     = vulnreport/generator/internal/testutil/golden
GOLDENPKGS = $(shell $(GO) list -f '{{$$p := .ImportPath}}{{range .TestImports}}{{if eq . "$(GOLDEN)"}}{{$$p}} {{end}}{{end}}{{range .XTestImports}}{{if eq . "$(GOLDEN)"}}{{$$p}} {{end}}{{end}}' $(PKGS))
golden:
	$(GO) test -count=1 -run Golden $(GOLDENPKGS) -update

clean:
	rm -rf output bin
