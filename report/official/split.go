package official

import (
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Downloads of the Regionaldatenbank have several hundred thousand
// cells. encoding/csv copies every record into a string of its own and
// x/text decodes through a growing buffer; the splitter and decoder here
// read the same way (fuzzed against both in ref_test.go; same_test.go
// pins the whole reader's former results) but leave the cells, and so
// the Rows' texts, as slices of the one decoded text, which therefore
// lives as long as any of them, and allocate a few times per file instead
// of twice per line.

// splitRecords splits text at ";" exactly as encoding/csv does with
// LazyQuotes and a variable number of fields: "\r\n" ends a line like
// "\n", a "\r" before the end of the file is dropped, empty lines are
// skipped, a field that starts with a quote runs to the next quote that
// is followed by ";" or the line's end (across lines; "" is a quote), and
// any other quote is literal.
func splitRecords(text string) []record {
	lines, semis := strings.Count(text, "\n")+1, strings.Count(text, ";")
	// A record of a download has its fields separated by ";", a blank
	// line has none: sizing by the lines alone let a file of blank lines
	// reserve some 50 bytes for each. Records beyond the estimate (lines
	// without any ";") make the arrays grow as append does.
	records := min(lines, semis+64)
	s := splitter{text: text}
	// Every field ends at a ";" or a line end: all records share one
	// array of cells.
	s.cells = make([]string, 0, semis+records)
	recs := make([]record, 0, records)
	for s.nextLine() {
		if s.end == s.start {
			continue // empty line
		}
		first := len(s.cells)
		line := s.line
		s.record()
		recs = append(recs, record{line: line, cells: s.cells[first:len(s.cells):len(s.cells)]})
	}
	return recs
}

// splitter walks text line by line the way csv.Reader's readLine does.
type splitter struct {
	text  string
	cells []string
	// The current line is text[start:end] without its line end; nl is
	// the offset of its "\n", or -1 at the end of the file.
	start, end, nl int
	next           int // where the next line starts
	line           int // number of the current line, from 1
	buf            []byte
}

// nextLine moves to the next line and reports whether there is one.
func (s *splitter) nextLine() bool {
	if s.next >= len(s.text) {
		return false
	}
	s.line++
	s.start = s.next
	if i := strings.IndexByte(s.text[s.start:], '\n'); i >= 0 {
		s.nl = s.start + i
		s.end, s.next = s.nl, s.nl+1
	} else {
		s.nl = -1
		s.end, s.next = len(s.text), len(s.text)
	}
	// "\r\n" is a line end; so is a "\r" that ends the file.
	if s.end > s.start && s.text[s.end-1] == '\r' {
		s.end--
	}
	return true
}

// record appends the fields of the record that starts on the current
// line.
func (s *splitter) record() {
	p := s.start
	for {
		if p == s.end || s.text[p] != '"' {
			i := strings.IndexByte(s.text[p:s.end], ';')
			if i < 0 {
				s.cells = append(s.cells, s.text[p:s.end])
				return
			}
			s.cells = append(s.cells, s.text[p:p+i])
			p += i + 1
			continue
		}
		var more bool
		p, more = s.quoted(p + 1)
		if !more {
			return
		}
	}
}

// quoted reads a quoted field whose text starts at p and returns where
// the next field starts, or more false when the record ends with it.
func (s *splitter) quoted(p int) (next int, more bool) {
	f := field{s: s, from: p, to: p}
	for {
		if i := strings.IndexByte(s.text[p:s.end], '"'); i >= 0 {
			q := p + i
			f.add(p, q)
			p = q + 1
			switch {
			case p < s.end && s.text[p] == '"': // "" is a quote
				f.add(q, q+1)
				p++
			case p < s.end && s.text[p] == ';':
				s.cells = append(s.cells, f.String())
				return p + 1, true
			case p == s.end:
				s.cells = append(s.cells, f.String())
				return p, false
			default: // a quote inside the field is literal
				f.add(q, q+1)
			}
			continue
		}
		if p == s.end && s.nl < 0 {
			// The file ends inside the field.
			s.cells = append(s.cells, f.String())
			return p, false
		}
		// The field goes on in the next line, after a "\n" even where
		// the file has "\r\n".
		f.add(p, s.end)
		if s.nl >= 0 {
			f.add(s.nl, s.nl+1)
		}
		if !s.nextLine() {
			s.cells = append(s.cells, f.String())
			return s.end, false
		}
		p = s.start
	}
}

// field collects the text of a quoted field from pieces of the file; as
// long as they are adjacent the field is a slice of the file, else a copy.
type field struct {
	s        *splitter
	from, to int  // the field while it is one piece of the text
	copied   bool // the field is in s.buf
}

func (f *field) add(from, to int) {
	switch {
	case from == to:
	case f.copied:
		f.s.buf = append(f.s.buf, f.s.text[from:to]...)
	case f.from == f.to:
		f.from, f.to = from, to
	case from == f.to:
		f.to = to
	default:
		f.s.buf = append(append(f.s.buf[:0], f.s.text[f.from:f.to]...), f.s.text[from:to]...)
		f.copied = true
	}
}

func (f *field) String() string {
	if f.copied {
		return string(f.s.buf)
	}
	return f.s.text[f.from:f.to]
}

// latin1UTF8 is the UTF-8 text of each Windows-1252 byte, as
// charmap.Windows1252 decodes it.
var latin1UTF8 = func() (t [256]string) {
	for b := range t {
		t[b] = string(charmap.Windows1252.DecodeByte(byte(b)))
	}
	return t
}()

// decodeWindows1252 decodes data into a string of exactly the right
// size; the runs of ASCII between the other bytes are copied as they are.
func decodeWindows1252(data string) string {
	n := len(data)
	for i := nextNonASCII(data, 0); i < len(data); i = nextNonASCII(data, i+1) {
		n += len(latin1UTF8[data[i]]) - 1
	}
	var b strings.Builder
	b.Grow(n)
	ascii := 0
	for i := nextNonASCII(data, 0); i < len(data); i = nextNonASCII(data, i+1) {
		b.WriteString(data[ascii:i])
		b.WriteString(latin1UTF8[data[i]])
		ascii = i + 1
	}
	b.WriteString(data[ascii:])
	return b.String()
}

// nextNonASCII returns the index of the first byte from i on that is
// not ASCII, or len(data); it tests eight bytes at a time, since German
// text has few umlauts and the numbers none.
func nextNonASCII(data string, i int) int {
	for ; i+8 <= len(data); i += 8 {
		w := data[i : i+8]
		// The compiler reads these eight bytes with one load.
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if x&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(data) && data[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// trimSpace is strings.TrimSpace with a shortcut for the usual cell
// that neither starts nor ends with a space: it runs several times for
// every cell. A byte above ' ' and below utf8.RuneSelf is an ASCII
// character that is not white space.
func trimSpace(s string) string {
	if len(s) > 0 && ' ' < s[0] && s[0] < utf8.RuneSelf && ' ' < s[len(s)-1] && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimSpace(s)
}

// readAll reads the whole download into a string sized from the
// file's size where the reader knows it, instead of growing it step by
// step (which for a 10 MB file allocates and copies several times that).
// A UTF-8 download is then read without a further copy.
func readAll(r io.Reader) (string, error) {
	var b strings.Builder
	if n := sizeHint(r); n > 0 && n <= maxSize {
		b.Grow(int(n))
	}
	if _, err := io.Copy(&b, io.LimitReader(r, maxSize+1)); err != nil {
		return "", err
	}
	return b.String(), nil
}

func sizeHint(r io.Reader) int64 {
	switch r := r.(type) {
	case interface{ Len() int }: // bytes.Reader, strings.Reader, bytes.Buffer
		return int64(r.Len())
	case interface{ Stat() (fs.FileInfo, error) }: // os.File
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	}
	return 0
}
