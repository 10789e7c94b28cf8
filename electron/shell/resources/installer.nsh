; Firstscan NSIS additions.
; A per-machine install (for all users of a shared floor PC) keeps the station's data in
; C:\ProgramData\Firstscan: make it and let every local user change it (the station is used by
; whoever is on shift). In that mode the shell context is "all", so $APPDATA is C:\ProgramData.
; The uninstaller never deletes the data folder.
!macro customInstall
  ${if} $installMode == "all"
    CreateDirectory "$APPDATA\Firstscan"
    nsExec::ExecToLog 'icacls "$APPDATA\Firstscan" /grant *S-1-5-32-545:(OI)(CI)M /T /C'
  ${endIf}
!macroend
