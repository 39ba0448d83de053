from kpudesk.cli.app import main

main()
