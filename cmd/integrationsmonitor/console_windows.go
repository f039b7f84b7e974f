package main

import (
	"log"
	"os"
	"syscall"
	"unsafe"
)

// The exe is linked as a GUI-subsystem program (-H=windowsgui) so that a
// double click opens no console window next to the app. The price: Windows
// starts it without usable standard handles when it is called from cmd.exe
// or PowerShell without redirection, and every message of a headless
// command would be lost. For headless commands the program therefore
// attaches to the console of the process that started it and writes there.
// One exe serves both uses (no second console exe to distribute and keep
// in step); docs/installation.md says why and how to call it from scripts.
//
// This runs as an init function, before main reads os.Stdout and
// os.Stderr, so that main is the same on every system.
func init() {
	attachParentConsole(os.Args[1:])
}

var (
	kernel32           = syscall.NewLazyDLL("kernel32.dll")
	procAttachConsole  = kernel32.NewProc("AttachConsole")
	procGetConsoleMode = kernel32.NewProc("GetConsoleMode")
)

// attachParentProcess is ATTACH_PARENT_PROCESS ((DWORD)-1).
const attachParentProcess = ^uintptr(0)

// stdState is what a standard handle of this process is good for.
type stdState int

const (
	stdMissing    stdState = iota // no handle: output would be lost
	stdRedirected                 // a file or a pipe the caller chose
	stdConsole                    // a console this process is attached to
	stdOtherChar                  // a console not (yet) ours, or NUL
)

// attachParentConsole rebinds os.Stdout and os.Stderr to the parent's
// console for a headless command whose output would otherwise be lost. A
// stream redirected to a file, a pipe or NUL is left alone, so that
// `> datei.txt`, `| Out-File` and Start-Process -RedirectStandardOutput
// keep working. Without a parent console (Explorer, Aufgabenplanung) or
// with a console already attached, nothing changes.
func attachParentConsole(args []string) {
	if !headlessCommand(args) {
		// The window stays free of any console: closing that console
		// would end the program with unsaved input.
		return
	}
	out, errs := stdHandleState(syscall.STD_OUTPUT_HANDLE), stdHandleState(syscall.STD_ERROR_HANDLE)
	needs := func(s stdState) bool { return s == stdMissing || s == stdOtherChar }
	if !needs(out) && !needs(errs) {
		return
	}
	// ERROR_ACCESS_DENIED means this process already has a console (Wine
	// hands a GUI program its parent's console): CONOUT$ is that one.
	if r, _, err := procAttachConsole.Call(attachParentProcess); r == 0 && err != syscall.ERROR_ACCESS_DENIED {
		return
	}
	// Read access too: without it GetConsoleMode fails, os takes the
	// handle for a plain file and writes bytes instead of Unicode.
	con, err := os.OpenFile("CONOUT$", os.O_RDWR, 0)
	if err != nil {
		return
	}
	// A handle that was a console not ours is usable now if it belongs to
	// the parent's console; one that still is not a console is NUL. The
	// handle is replaced all the same: os.Stdout was set up while it was
	// no console, so it would write UTF-8 bytes in the console's code page
	// (mojibake for ä, ö, ü); CONOUT$ opened now writes Unicode.
	rebind := func(std int, s stdState) bool {
		return s == stdMissing || (s == stdOtherChar && stdHandleState(std) == stdConsole)
	}
	if rebind(syscall.STD_OUTPUT_HANDLE, out) {
		os.Stdout = con
	}
	if rebind(syscall.STD_ERROR_HANDLE, errs) {
		os.Stderr = con
		// The standard logger took os.Stderr before this init ran; Fyne
		// logs through it.
		log.SetOutput(con)
	}
}

// headlessCommand reports whether args start a subcommand that works
// without a window (the names run dispatches on, the help included).
func headlessCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if _, ok := commands[args[0]]; ok {
		return true
	}
	switch args[0] {
	case "hilfe", "-h", "-help", "--help":
		return true
	}
	return false
}

// stdHandleState classifies the standard handle std (STD_OUTPUT_HANDLE,
// STD_ERROR_HANDLE).
func stdHandleState(std int) stdState {
	h, err := syscall.GetStdHandle(std)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return stdMissing
	}
	switch t, err := syscall.GetFileType(h); {
	case err != nil || t == syscall.FILE_TYPE_UNKNOWN:
		return stdMissing
	case t != syscall.FILE_TYPE_CHAR:
		return stdRedirected
	}
	var mode uint32
	if r, _, _ := procGetConsoleMode.Call(uintptr(h), uintptr(unsafe.Pointer(&mode))); r != 0 {
		return stdConsole
	}
	return stdOtherChar
}
