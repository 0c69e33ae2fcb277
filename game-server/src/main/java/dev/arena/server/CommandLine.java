package dev.arena.server;

/**
 * The server's command line: {@code [--help | --version | config.yaml]}.
 *
 * @param action what to do
 * @param file   the configuration file to layer on the defaults, or null
 * @param error  for {@link Action#BAD}, what is wrong with the arguments
 */
record CommandLine(Action action, String file, String error) {
    enum Action { RUN, HELP, VERSION, BAD }

    static final String USAGE = """
            usage: java -jar game-server.jar [config.yaml | config.json]
                   java -jar game-server.jar --version | --help

            Starts a game server on the embedded defaults (config/server.yaml), overridden in turn
            by the file, by -Darena.<key>=value system properties and by ARENA_<KEY>=value
            environment variables (for example -Darena.room.tickHz=30 or ARENA_ROOM_TICKHZ=30).
            Every key is listed in config/README.md; an unknown key or a value out of range stops
            start-up with exit status 2.

              --version   print the version and the git commit of this build, then exit
              --help      print this text, then exit
            """;

    static CommandLine parse(String... args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            return new CommandLine(Action.HELP, null, null);
        }
        if (args.length == 1 && args[0].equals("--version")) {
            return new CommandLine(Action.VERSION, null, null);
        }
        if (args.length > 1) {
            return bad("expected at most one argument, got " + args.length);
        }
        if (args.length == 1 && args[0].startsWith("-")) {
            return bad("unknown option " + args[0] + " (configuration keys are set with -Darena.<key>=value"
                    + " before -jar)");
        }
        return new CommandLine(Action.RUN, args.length == 1 ? args[0] : null, null);
    }

    private static CommandLine bad(String error) {
        return new CommandLine(Action.BAD, null, error);
    }
}
