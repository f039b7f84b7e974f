/*
 * Stand-in bcryptprimitives.dll for CI under Wine (.ci/wine.sh only; never
 * shipped). Go >= 1.22 programs call ProcessPrng from bcryptprimitives.dll
 * while the runtime starts; Debian 12's Wine 8 does not export it, so every
 * Go exe dies before main. This DLL exports ProcessPrng and fills the buffer
 * with RtlGenRandom (exported by advapi32 as SystemFunction036), which Wine
 * has had for a long time. Windows 10/11 have the real DLL.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* ProcessPrng never fails on Windows; RtlGenRandom takes a ULONG length,
 * so larger requests are split. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		len -= chunk;
	}
	return TRUE;
}
