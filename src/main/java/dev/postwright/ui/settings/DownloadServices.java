package dev.postwright.ui.settings;

import dev.postwright.llm.builtin.download.CuratedModel;
import dev.postwright.llm.builtin.download.ModelDownload;
import dev.postwright.llm.builtin.download.ModelFolder;
import java.util.List;

/**
 * What the built-in model's downloads need: the models offered ({@code CuratedModels.all()} in the
 * app), the download that fetches them and the folder in the data folder that keeps them.
 */
public record DownloadServices(List<CuratedModel> offered, ModelDownload download, ModelFolder folder) {
    public DownloadServices {
        offered = List.copyOf(offered);
    }
}
