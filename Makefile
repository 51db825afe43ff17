# costreport: build, install and uninstall.
#
#   make                         release build, Swift runtime linked in (no toolchain needed to run it)
#   make install PREFIX=/usr/local   the binary and shell completions (bash, zsh, fish)
#   make uninstall PREFIX=/usr/local
#
# At run time the binary needs only Debian's libcmark-gfm0.29.0.gfm.6, libcmark-gfm-extensions0.29.0.gfm.6
# and libsqlite3-0 besides libc, libstdc++ and libgcc (.ci/install-deps installs their -dev packages).
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR := $(DESTDIR)$(PREFIX)/bin
BASH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONS := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
BUILT := .build/release/costreport

.PHONY: all build install uninstall
all: build

build:
	swift build -c release --static-swift-stdlib --product costreport

install: build
	install -d "$(BINDIR)" "$(BASH_COMPLETIONS)" "$(ZSH_COMPLETIONS)" "$(FISH_COMPLETIONS)"
	install -m 755 "$(BUILT)" "$(BINDIR)/costreport"
	"$(BUILT)" --generate-completion-script bash > "$(BASH_COMPLETIONS)/costreport"
	"$(BUILT)" --generate-completion-script zsh > "$(ZSH_COMPLETIONS)/_costreport"
	"$(BUILT)" --generate-completion-script fish > "$(FISH_COMPLETIONS)/costreport.fish"

uninstall:
	rm -f "$(BINDIR)/costreport" "$(BASH_COMPLETIONS)/costreport" "$(ZSH_COMPLETIONS)/_costreport" "$(FISH_COMPLETIONS)/costreport.fish"
