package article

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestLoadURL(t *testing.T) {
	mux := http.NewServeMux()
	page := `<html><head><title>बस हादसा</title><meta property="article:published_time" content="2024-06-19T06:00:00Z"></head>` +
		`<body><nav>होम</nav><article><h1>बस हादसा</h1><p>14 की मौत</p></article></body></html>`
	mux.HandleFunc("/news/bus-accident.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("शीर्षक\r\nपहली पंक्ति\r\n"))
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<p>caf\xe9 \xabquote\xbb</p>"))
	})
	mux.HandleFunc("/feed.jsonl", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"id":"r1","text":"एक"}` + "\n" + `{"id":"r2","text":"दो"}` + "\n"))
	})
	mux.HandleFunc("/sniffed", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no type: sniffed from the bytes
		w.Write([]byte("<!DOCTYPE html><p>बिना प्रकार</p>"))
	})
	mux.HandleFunc("/records.jsonl", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(`{"id":"p1","text":"एक"}` + "\n"))
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", strconv.Itoa(5000))
		w.Write([]byte(strings.Repeat("x", 5000)))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 5 {
			w.Write([]byte(strings.Repeat("x", 1000)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/plain", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(300 * time.Millisecond)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	type want struct {
		id, title, text, format string
		published               time.Time
	}
	ok := []struct {
		path string
		want []want
	}{
		{"/news/bus-accident.html", []want{{"bus-accident", "बस हादसा", "बस हादसा\n14 की मौत\n", "html", time.Date(2024, 6, 19, 6, 0, 0, 0, time.UTC)}}},
		{"/plain", []want{{id: "plain", title: "शीर्षक", text: "शीर्षक\r\nपहली पंक्ति\r\n", format: "txt"}}},
		{"/moved", []want{{id: "moved", title: "शीर्षक", text: "शीर्षक\r\nपहली पंक्ति\r\n", format: "txt"}}},
		{"/latin1", []want{{id: "latin1", text: "café «quote»\n", format: "html"}}},
		{"/feed.jsonl", []want{{id: "r1", text: "एक", format: "jsonl"}, {id: "r2", text: "दो", format: "jsonl"}}},
		{"/records.jsonl", []want{{id: "p1", text: "एक", format: "jsonl"}}},
		{"/sniffed", []want{{id: "sniffed", text: "बिना प्रकार\n", format: "html"}}},
	}
	opt := Options{Client: srv.Client()}
	for _, tc := range ok {
		t.Run(tc.path, func(t *testing.T) {
			arts, warns, err := Load(Input{Path: srv.URL + tc.path}, opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != len(tc.want) {
				t.Fatalf("%d articles, want %d (warnings %v)", len(arts), len(tc.want), warns)
			}
			for i, w := range tc.want {
				a := arts[i]
				if a.ID != w.id || a.Text != w.text || a.Format != w.format || (w.title != "" && a.Title != w.title) || !a.Published.Equal(w.published) {
					t.Errorf("got %+v\nwant %+v", a, w)
				}
				if a.Path != srv.URL+tc.path || a.URL == "" {
					t.Errorf("path %q url %q", a.Path, a.URL)
				}
			}
		})
	}

	small := Options{Client: srv.Client(), MaxSize: 1000}
	bad := []struct {
		path   string
		opt    Options
		reason string
	}{
		{"/missing", opt, "server answered 404 Not Found"},
		{"/image.png", opt, `has content type "image/png", not HTML, text or JSON`},
		{"/big", small, "is 4.9 KB, larger than --max-size 1000 B; raise it with --max-size 1MB"},
		{"/big-chunked", small, "is larger than --max-size 1000 B; raise it with --max-size 2KB"},
		{"/loop", Options{}, "stopped after 5 redirects"},
		{"/slow", Options{Client: &http.Client{Timeout: 50 * time.Millisecond}}, "timed out"},
	}
	for _, tc := range bad {
		t.Run(tc.path, func(t *testing.T) {
			_, _, err := Load(Input{Path: srv.URL + tc.path}, tc.opt)
			var se *SkipError
			if !errors.As(err, &se) || !strings.Contains(se.Reason, tc.reason) {
				t.Errorf("err = %v, want reason containing %q", err, tc.reason)
			}
		})
	}
}

func TestURLID(t *testing.T) {
	tests := map[string]string{
		"https://example.com/news/bus-accident-123.html": "bus-accident-123",
		"https://example.com/news/story/":                "news",
		"https://example.com/":                           "example.com",
		"https://example.com":                            "example.com",
		"https://example.com/a/%E0%A4%AC%E0%A4%B8-2024":  "बस-2024",
		"https://example.com/a/x?y=1#z":                  "x",
		"https://example.com/what%20now":                 "what_now",
		"https://example.com/news/bus-crash-42/amp":      "bus-crash-42",
		"https://example.com/news/bus-crash-42/amp/":     "bus-crash-42",
		"https://example.com/index.html":                 "example.com",
	}
	for in, want := range tests {
		u, err := url.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := urlID(u); got != want {
			t.Errorf("urlID(%s) = %q, want %q", in, got, want)
		}
	}
}
