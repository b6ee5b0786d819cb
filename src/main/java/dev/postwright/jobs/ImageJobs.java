package dev.postwright.jobs;

import dev.postwright.model.ImageJobRequest;

/**
 * Image jobs beside blog jobs: the same service (status, cancel, retry, subscribe by id), and a way
 * to start one. The local queue is one; the window's image jobs always run there (decision 0028).
 */
public interface ImageJobs extends JobService {
    /**
     * Starts an image job.
     *
     * @param owner who the job belongs to (a user name), or null for the local writer
     * @return the job id
     * @throws InvalidRequestException when the request has problems; nothing is started
     */
    String enqueueImage(ImageJobRequest request, String owner);
}
