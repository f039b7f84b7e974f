/*
 * nostdhandles.exe PROGRAM ARGS... (.ci/wine.sh only; never shipped)
 *
 * Starts PROGRAM the way an interactive cmd.exe starts a GUI-subsystem
 * program: in this launcher's console, but without standard handles. Under
 * Wine a program started from a Unix shell inherits working handles, so
 * the exe's AttachConsole path (cmd/integrationsmonitor/console_windows.go)
 * would never run; through this launcher it must attach to the console to
 * print anything. Waits for PROGRAM and returns its exit code.
 */
#include <windows.h>

int main(void)
{
	/* The command line after this program's own name, quoted or not. */
	WCHAR *cmd = GetCommandLineW();
	if (*cmd == L'"') {
		for (cmd++; *cmd && *cmd != L'"'; cmd++)
			;
		if (*cmd)
			cmd++;
	} else {
		while (*cmd && *cmd != L' ' && *cmd != L'\t')
			cmd++;
	}
	while (*cmd == L' ' || *cmd == L'\t')
		cmd++;
	if (!*cmd)
		return 2;

	STARTUPINFOW si = {0};
	si.cb = sizeof si;
	si.dwFlags = STARTF_USESTDHANDLES; /* all three NULL */
	PROCESS_INFORMATION pi;
	if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
		return 3;
	WaitForSingleObject(pi.hProcess, INFINITE);
	DWORD code = 3;
	GetExitCodeProcess(pi.hProcess, &code);
	return (int)code;
}
