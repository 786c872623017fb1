using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Partage.App.Infrastructure.Database;

/// <summary>
/// A command that may run alone or inside a larger one (issuing an invoice alone, or as the end
/// of turning a quote into an invoice) joins the caller's transaction or begins its own; only
/// the one that began it commits, so that the larger command stays one transaction.
/// </summary>
public static class Transactions
{
    public static async Task<JoinedTransaction> BeginOrJoinAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new JoinedTransaction(database.CurrentTransaction is null ? await database.BeginTransactionAsync(ct) : null);
    }
}

public sealed class JoinedTransaction(IDbContextTransaction? owned) : IAsyncDisposable
{
    /// <summary>Commits when this command began the transaction; inside a caller's, the caller commits.</summary>
    public Task CommitAsync(CancellationToken ct = default) => owned?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
