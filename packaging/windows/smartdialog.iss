; Inno Setup script: wraps the one-folder Windows app (dist\smartdialog\, built by
; packaging\smartdialog.spec) into one installer for the city's venue laptops.
;   iscc /DAppVersion=0.1.0 packaging\windows\smartdialog.iss
; gives dist\installer\smartdialog-0.1.0-setup.exe.  See packaging\README.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "smartdialog"
#define AppExe "smartdialog.exe"
#define Root "..\.."

[Setup]
; Keep this AppId for every version: it is how Windows knows an update from a new program.
AppId={{6F0E8B52-3C1D-4E8A-9A57-5D2B1C7E4F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=smartdialog
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per machine by default (IT's software distribution); a user without admin rights may
; still install for themselves.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#Root}\build\pyinstaller\smartdialog.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; The install folder is read-only for users: events, logs and settings live in their own
; folders (Documents, %APPDATA%), which the uninstaller leaves alone.

[Languages]
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\smartdialog\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Double-clicking an event file (.sdevent) opens it in smartdialog.
Root: HKA; Subkey: "Software\Classes\.sdevent"; ValueType: string; ValueName: ""; ValueData: "smartdialog.Event"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.sdevent\OpenWithProgids"; ValueType: string; ValueName: "smartdialog.Event"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\smartdialog.Event"; ValueType: string; ValueName: ""; ValueData: "smartdialog-Veranstaltung"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\smartdialog.Event\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\smartdialog.Event\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".sdevent"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
