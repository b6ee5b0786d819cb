package dev.postwright.llm.openai;

import okhttp3.OkHttpClient;

/** The app's one HTTP client for model servers, made on first use: it takes about a quarter second to start. */
public final class HttpClients {
    private HttpClients() {}

    private static final class Holder {
        static final OkHttpClient CLIENT = new OkHttpClient();
    }

    public static OkHttpClient shared() {
        return Holder.CLIENT;
    }
}
