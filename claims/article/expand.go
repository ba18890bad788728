package article

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Expand turns command-line arguments into inputs, in argument order:
//   - "-" (standard input) and http(s) URLs as given;
//   - a file as given, whatever its extension (unknown extensions are read
//     as text);
//   - a folder recursively, sorted by path, keeping files with the
//     extensions .txt .md .markdown .html .htm .jsonl .json; other files and
//     names starting with '.' are passed over silently; symbolic links are
//     followed, but a folder already read is not read again;
//   - a pattern with * ? or [ ] (filepath.Glob) as the files and folders it
//     matches.
//
// Problems — a missing path, an unreadable folder, a symbolic link loop, a
// pattern that matches nothing, a path named twice, more than
// Options.MaxFiles files from folders — become warnings (mostly *SkipError)
// and the rest goes on.
func Expand(args []string, opt Options) (inputs []Input, warnings []error) {
	e := &expander{max: opt.maxFiles(), seen: map[string]bool{}, dirs: map[string]bool{}}
	for _, arg := range args {
		switch {
		case arg == "-" || isURL(arg):
			e.add(arg)
		default:
			if s, ok := otherScheme(arg); ok {
				e.warn(skip(arg, "cannot read %s: URLs; only http:// and https:// URLs are read", s))
				continue
			}
			e.arg(strings.TrimPrefix(arg, "file://"))
		}
	}
	return e.inputs, e.warns
}

type expander struct {
	inputs  []Input
	warns   []error
	seen    map[string]bool // inputs added, by cleaned path
	dirs    map[string]bool // folders read, by real path
	max     int             // files allowed from folders
	fromDir int
	capped  bool
}

func (e *expander) warn(err error) { e.warns = append(e.warns, err) }

func (e *expander) add(p string) {
	key := p
	if p != "-" && !isURL(p) {
		key = filepath.Clean(p)
	}
	if e.seen[key] {
		e.warn(skip(p, "named more than once; read once"))
		return
	}
	e.seen[key] = true
	e.inputs = append(e.inputs, Input{Path: p})
}

// arg expands one path argument.
func (e *expander) arg(p string) {
	fi, err := os.Stat(p)
	if err != nil {
		if hasGlobMeta(p) {
			e.glob(p)
			return
		}
		e.warn(statSkip(p, err))
		return
	}
	if fi.IsDir() {
		e.walk(p)
		return
	}
	e.add(p)
}

func hasGlobMeta(p string) bool { return strings.ContainsAny(p, "*?[") }

func (e *expander) glob(pattern string) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		e.warn(skip(pattern, "is not a valid pattern (%v); quote it or fix the brackets", err))
		return
	}
	if len(matches) == 0 {
		e.warn(skip(pattern, "no file matches this pattern"))
		return
	}
	for _, m := range matches {
		fi, err := os.Stat(m)
		switch {
		case err != nil:
			e.warn(statSkip(m, err))
		case fi.IsDir():
			e.walk(m)
		default:
			e.add(m)
		}
	}
}

// statSkip explains a failed os.Stat.
func statSkip(p string, err error) *SkipError {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return skip(p, "is a symbolic link loop; fix or remove the link")
	case errors.Is(err, fs.ErrNotExist):
		if fi, lerr := os.Lstat(p); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return skip(p, "is a broken symbolic link; fix or remove the link")
		}
		return skip(p, "no such file or folder; check the path")
	case errors.Is(err, fs.ErrPermission):
		return skip(p, "cannot be read: permission denied; check its permissions")
	}
	return openSkip(p, err)
}

// walk adds the article files under root, depth first and sorted, with an
// explicit stack.
func (e *expander) walk(root string) {
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		e.warn(statSkip(root, err))
		return
	}
	type item struct {
		path, real string
		dir        bool
	}
	if e.dirs[real] {
		e.warn(skip(root, "folder already read; read once"))
		return
	}
	stack := []item{{root, real, true}}
	for len(stack) > 0 && !e.capped {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !it.dir {
			if e.fromDir >= e.max {
				e.capped = true
				e.warn(skip(root, "has more than %d article files; only the first %d are read", e.max, e.max))
				return
			}
			e.fromDir++
			e.add(it.path)
			continue
		}
		if e.dirs[it.real] {
			e.warn(skip(it.path, "links to folder %s, which is already read (a symbolic link loop?); skipped", it.real))
			continue
		}
		e.dirs[it.real] = true
		entries, err := os.ReadDir(it.path)
		if err != nil {
			e.warn(dirSkip(it.path, err))
			if len(entries) == 0 {
				continue
			}
		}
		// Push in reverse so that the stack pops them in sorted order.
		for i := len(entries) - 1; i >= 0; i-- {
			d := entries[i]
			name := d.Name()
			if strings.HasPrefix(name, ".") {
				continue
			}
			p := filepath.Join(it.path, name)
			switch {
			case d.Type()&fs.ModeSymlink != 0:
				fi, err := os.Stat(p)
				if err != nil {
					e.warn(statSkip(p, err))
					continue
				}
				if fi.IsDir() {
					r, err := filepath.EvalSymlinks(p)
					if err != nil {
						e.warn(statSkip(p, err))
						continue
					}
					stack = append(stack, item{p, r, true})
				} else if fi.Mode().IsRegular() && folderExts[strings.ToLower(filepath.Ext(name))] {
					stack = append(stack, item{path: p})
				}
			case d.IsDir():
				stack = append(stack, item{p, filepath.Join(it.real, name), true})
			case d.Type().IsRegular() && folderExts[strings.ToLower(filepath.Ext(name))]:
				stack = append(stack, item{path: p})
			}
		}
	}
}

func dirSkip(p string, err error) *SkipError {
	if errors.Is(err, fs.ErrPermission) {
		return skip(p, "folder cannot be read: permission denied; check its permissions")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return skip(p, "folder cannot be read: %v", err)
}
