from purgebot.cli import main

raise SystemExit(main())
