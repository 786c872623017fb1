using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

/// <summary>
/// The FEC ("fichier des écritures comptables", LPF art. A47 A-1) of one entity and fiscal year:
/// the 18 columns in order, TAB-separated, decimal comma, AAAAMMJJ dates, opening balances (AN)
/// first then entries in validation order, client auxiliary accounts in CompAuxNum/CompAuxLib,
/// lettering where payments were matched. Streamed row by row: memory does not grow with the book.
/// </summary>
public sealed class FecExport(PartageDbContext db, ILegalEntitiesApi entities)
{
    public const string Header =
        "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";

    public sealed record FecFile(LegalEntityId Entity, Guid FiscalYearId, string FileName);

    public async Task<FecFile> PrepareAsync(string entityCode, int year, Actor actor, CancellationToken ct = default)
    {
        if (!LedgerAccess.KeepsTheBooks(actor))
        {
            throw new DomainException(LedgerErrors.NotFound);
        }

        var entity = (await entities.ListAsync(ct)).FirstOrDefault(e => string.Equals(e.Code, entityCode?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InputValidationException(new Dictionary<string, string[]> { ["Entity"] = [$"Entité inconnue : « {entityCode} »."] });
        var fiscalYear = await db.Set<FiscalYear>().AsNoTracking().Where(f => f.LegalEntityId == entity.Id && f.EndsOn.Year == year)
            .SingleOrDefaultAsync(ct) ?? throw new DomainException(LedgerErrors.NoFiscalYear, $"Aucun exercice de {entity.Code} ne se termine en {year}.");
        return new FecFile(entity.Id, fiscalYear.Id, $"{entity.Siren}FEC{fiscalYear.EndsOn:yyyyMMdd}.txt");
    }

    public async Task WriteAsync(FecFile file, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var rows =
            from e in db.Set<JournalEntry>().AsNoTracking()
            where e.LegalEntityId == file.Entity && e.FiscalYearId == file.FiscalYearId
            join j in db.Set<Journal>() on new { e.LegalEntityId, Code = e.JournalCode } equals new { j.LegalEntityId, j.Code }
            join p in db.Set<Posting>() on e.Id equals p.EntryId
            join a in db.Set<LedgerAccount>() on p.AccountId equals a.Id
            from lp in db.Set<LetteredPosting>().Where(x => x.PostingId == p.Id).DefaultIfEmpty()
            from l in db.Set<Lettering>().Where(x => lp != null && x.Id == lp.LetteringId).DefaultIfEmpty()
            orderby (e.JournalCode == "AN" ? 0 : 1), e.PostedAt, e.JournalCode, e.Number, p.LineNumber
            select new
            {
                e.JournalCode, JournalLabel = j.Label, e.Number, e.AccountingDate, AccountNumber = a.Number, AccountLabel = a.Label, a.AuxiliaryCode, a.AuxiliaryLabel,
                e.PieceRef, EntryLabel = e.Label, PostingLabel = p.Label, p.Side, p.Amount, LetteringCode = l == null ? null : l.Code,
                LetteringDate = l == null ? (DateOnly?)null : l.Date, e.PostedAt,
            };
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(Header);
        var line = new StringBuilder(256);
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            line.Clear();
            line.Append(Clean(r.JournalCode)).Append('\t')
                .Append(Clean(r.JournalLabel)).Append('\t')
                .Append(r.Number.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(Date(r.AccountingDate)).Append('\t')
                .Append(Clean(r.AccountNumber)).Append('\t')
                .Append(Clean(r.AccountLabel)).Append('\t')
                .Append(Clean(r.AuxiliaryCode)).Append('\t')
                .Append(Clean(r.AuxiliaryLabel)).Append('\t')
                .Append(Clean(r.PieceRef)).Append('\t')
                .Append(Date(r.AccountingDate)).Append('\t')
                .Append(Clean(r.PostingLabel ?? r.EntryLabel)).Append('\t')
                .Append(Amount(r.Side == Side.Debit ? r.Amount : 0)).Append('\t')
                .Append(Amount(r.Side == Side.Credit ? r.Amount : 0)).Append('\t')
                .Append(Clean(r.LetteringCode)).Append('\t')
                .Append(r.LetteringDate is { } d ? Date(d) : string.Empty).Append('\t')
                .Append(Date(ParisTime.DateOf(r.PostedAt))).Append('\t')
                .Append('\t');
            await writer.WriteLineAsync(line, ct);
        }
    }

    /// <summary>"1234,56": decimal comma, no thousands separator.</summary>
    public static string Amount(long cents) =>
        (cents / 100).ToString(CultureInfo.InvariantCulture) + "," + (cents % 100).ToString("D2", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>No TAB, line break or pipe inside a field (they would break the flat file).</summary>
    private static string Clean(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is '\t' or '\r' or '\n' or '|' ? ' ' : source[i];
            }
        }).Trim();

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/fec", async (string? entity, int? year, FecExport fec, ActorAccessor actors, HttpContext http, CancellationToken ct) =>
            {
                var file = await fec.PrepareAsync(entity ?? string.Empty, year ?? 0, await actors.GetAsync(ct), ct);
                http.Response.ContentType = "text/plain; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename={file.FileName}";
                await fec.WriteAsync(file, http.Response.Body, ct);
            })
            .WithName("ExportFec").WithSummary("Fichier des écritures comptables (FEC) d'un exercice");
    }
}
