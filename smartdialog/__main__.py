from smartdialog.cli import main

raise SystemExit(main())
