using Microsoft.EntityFrameworkCore;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed class ExportWageBatches(PartageDbContext db, GetWageBatchSepaFile files)
{
    /// <summary>Writes the SEPA file of every released batch into <paramref name="folder"/> (`partage payments export --out DIR`); files already there are rewritten identically.</summary>
    public async Task<IReadOnlyList<string>> HandleAsync(string folder, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var id in await db.Set<PaymentBatch>().AsNoTracking().Where(b => b.Status == PaymentBatchStatus.Released).OrderBy(b => b.Number).Select(b => b.Id).ToListAsync(ct))
        {
            var (name, content) = await files.HandleAsync(id, actor, ct);
            var path = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(path, content, ct);
            written.Add(path);
        }

        return written;
    }
}
