using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Storage;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>
/// The documents of a resolution (the accounts, the draft statutes): PDFs that governance staff attach while the agenda
/// is prepared, listed in the convocation, read by those convened; kept in the attachment store by their hash and
/// checked against it when read back.
/// </summary>
public sealed class AttachResolutionDocument(PartageDbContext db, IAttachmentStore store, AssemblyViews views, IAuditLog audit, TimeProvider clock)
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public async Task<AssemblyView> HandleAsync(AssemblyId id, Guid resolutionId, string? fileName, byte[]? content, Actor actor, CancellationToken ct = default)
    {
        GovernanceAccess.RequireStaff(actor, GovernanceErrors.AssemblyNotFound);
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        name = new string(name.Where(c => !char.IsControl(c) && c is not (';' or '"' or '/' or '\\')).ToArray());
        var refusal = content is not { Length: > 0 } ? "Joignez le document (un PDF)."
            : content.Length > MaxBytes ? $"Le document pèse {content.Length / 1024 / 1024} Mo : 20 Mo au plus."
            : content is not [0x25, 0x50, 0x44, 0x46, ..] ? "Le document d'une résolution est un PDF."
            : name.Length is 0 or > 120 ? "Le nom du fichier compte de 1 à 120 caractères." : null;
        if (refusal is not null)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["File"] = [refusal] });
        }

        var assembly = await db.Set<Assembly>().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException(GovernanceErrors.AssemblyNotFound);
        if (!await db.Set<Resolution>().AnyAsync(r => r.Id == resolutionId && r.AssemblyId == id, ct))
        {
            throw new DomainException(GovernanceErrors.AssemblyNotFound, "Cette résolution n'est pas à l'ordre du jour de l'assemblée.");
        }

        if (assembly.Status != AssemblyStatus.Draft)
        {
            throw new DomainException(GovernanceErrors.AssemblyWrongStatus, "L'ordre du jour et ses documents sont arrêtés par la convocation.");
        }

        var hash = await store.PutAsync(content!, ct);
        db.Add(new ResolutionDocument { ResolutionId = resolutionId, Name = name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? name : name + ".pdf", Hash = hash, Size = content!.Length,
            AddedAt = clock.GetUtcNow().UtcDateTime, AddedBy = actor.Name });
        assembly.Touch();   // a document added as the assembly is convened: one of the two fails (409)
        audit.Record(actor, "governance.document_attached", "assembly", id.ToString(), null, new { Resolution = resolutionId, name, hash });
        await db.SaveChangesAsync(ct);
        return await views.OfAsync(id, actor, ct);
    }

    /// <summary>A document, for whoever sees the assembly; its bytes checked against the hash they were stored under.</summary>
    public async Task<(string Name, byte[] Content)> ReadAsync(AssemblyId id, Guid documentId, Actor actor, CancellationToken ct = default)
    {
        var assembly = await views.Visible(actor).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException(GovernanceErrors.AssemblyNotFound);
        var document = await db.Set<ResolutionDocument>().AsNoTracking().Where(d => d.Id == documentId)
            .Join(db.Set<Resolution>().Where(r => r.AssemblyId == assembly.Id), d => d.ResolutionId, r => r.Id, (d, _) => d).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(GovernanceErrors.AssemblyNotFound, "Ce document n'existe pas.");
        var content = await store.GetAsync(document.Hash, ct);
        if (content is null || Attachments.Hash(content) != document.Hash)
        {
            throw new InvalidOperationException($"The document {document.Hash} of resolution {document.ResolutionId} is missing or altered in the attachment store.");
        }

        return (document.Name, content);
    }

    /// <summary>An uploaded file's bytes, one more than the limit at most (enough for the handler to refuse it in words).</summary>
    public static async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 })
        {
            return null;
        }

        await using var stream = file.OpenReadStream();
        var bytes = new byte[Math.Min(file.Length, MaxBytes + 1)];
        await stream.ReadExactlyAsync(bytes, ct);
        return bytes;
    }

    public static void Map(RouteGroupBuilder governance)
    {
        governance.MapPost("/assemblies/{id:guid}/resolutions/{resolution:guid}/documents", async (Guid id, Guid resolution, HttpRequest request, AttachResolutionDocument handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                GovernanceAccess.RequireStaff(actor, GovernanceErrors.AssemblyNotFound);
                var form = request.HasFormContentType ? await request.ReadFormAsync(ct)
                    : throw new InputValidationException(new Dictionary<string, string[]> { ["File"] = ["Envoyez le document en multipart/form-data (fichier « file »)."] });
                return TypedResults.Ok(await handler.HandleAsync(AssemblyId.From(id), resolution, form.Files.GetFile("file")?.FileName, await ReadAsync(form.Files.GetFile("file"), ct), actor, ct));
            })
            .WithName("AttachResolutionDocument").WithSummary("Joindre un document PDF à une résolution, avant la convocation (gouvernance)").ProducesProblems().DisableAntiforgery();
        governance.MapGet("/assemblies/{id:guid}/documents/{document:guid}", async (Guid id, Guid document, AttachResolutionDocument handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.ReadAsync(AssemblyId.From(id), document, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("GetResolutionDocument").WithSummary("Un document d'une résolution, pour qui voit l'assemblée").Produces(200, contentType: "application/pdf").ProducesProblems();
    }
}
