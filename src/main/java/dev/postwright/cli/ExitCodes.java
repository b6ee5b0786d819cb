package dev.postwright.cli;

/** The command line's exit codes, documented in the README. */
public final class ExitCodes {
    /** Done; the job succeeded. */
    public static final int OK = 0;
    /** The job ran and failed (its error is printed). */
    public static final int JOB_FAILED = 1;
    /** Bad input: unreadable file, invalid JSON, missing fields, unknown job, wrong state, bad usage. */
    public static final int BAD_INPUT = 2;
    /**
     * The database or the data folder cannot be used: damaged (at start-up or found mid-command),
     * another program's file, locked, read-only, newer, a full disk, or a folder that cannot be written.
     */
    public static final int DATABASE_UNAVAILABLE = 3;
    /** The job was cancelled. */
    public static final int CANCELLED = 4;
    /** The remote server could not be reached, or refused the token. */
    public static final int SERVER_UNAVAILABLE = 5;
    /**
     * {@code generate} was stopped (Ctrl+C, SIGTERM) before the post was finished; its job went
     * back to the queue and resumes at the next start. 130 is what shells report for Ctrl+C.
     */
    public static final int STOPPED = 130;

    private ExitCodes() {}
}
