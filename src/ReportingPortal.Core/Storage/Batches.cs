namespace ReportingPortal.Core.Storage;

public static class Batches
{
    /// <summary>Runs <paramref name="batch"/> until it does less than a full batch; the total it did.</summary>
    public static async Task<int> RunUntilDone(Func<CancellationToken, Task<int>> batch, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var done = await batch(cancellationToken);
            total += done;
            if (done < batchSize)
                break;
        }
        return total;
    }
}
