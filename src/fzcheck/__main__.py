from fzcheck.cli import main

raise SystemExit(main())
