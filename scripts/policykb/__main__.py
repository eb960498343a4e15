from policykb.cli.main import main

raise SystemExit(main())
