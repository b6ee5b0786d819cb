package dev.postwright.model;

/**
 * The kinds of job the queue runs: a blog post from a brief ({@link JobRequest}), one picture
 * from a prompt ({@link ImageJobRequest}), and a post sent to a WordPress site ({@link PublishRequest}). The queue stores the kind with each job, so a
 * list, a status route or a worker knows which it holds without reading the request.
 */
public enum JobKind {
    BLOG("blog"), IMAGE("image"), PUBLISH("publish");

    private final String sqlName;

    JobKind(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The name stored in the {@code jobs.kind} column (migrations V9 and V10). */
    public String sqlName() {
        return sqlName;
    }

    /** @throws IllegalArgumentException for a name no kind has */
    public static JobKind ofSqlName(String name) {
        for (JobKind k : values()) if (k.sqlName.equals(name)) return k;
        throw new IllegalArgumentException("no job kind is called " + name);
    }
}
