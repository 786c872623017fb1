using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Governance.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Governance.Pages;

/// <summary>
/// One assembly: its agenda and live turnout per college; for governance staff, the resolutions to add, the convocation,
/// a vote recorded in the room and the close; for a member convened, the vote (their voice and their proxies) or the
/// proxy; once closed, the results and the minutes.
/// </summary>
public sealed class AssemblyModel(
    GetAssembly assemblies, AddResolution addResolution, AttachResolutionDocument attach, ConveneAssembly convene, GiveProxy giveProxy, CastVote castVote, CloseAssembly close, TimeProvider clock)
    : PartagePageModel
{
    public AssemblyView? Assembly { get; private set; }

    public string? Notice { get; private set; }

    public bool IsStaff => GovernanceAccess.IsStaff(Actor);

    public bool VotingOpen => Assembly?.VotingOpenAt(clock.GetUtcNow().UtcDateTime) == true;

    /// <summary>A member convened who has neither voted nor given their proxy, before the vote closes.</summary>
    public bool CanGiveProxy => Assembly is { Status: AssemblyStatus.Convened, Me.Self: { Voted: false, ProxyHolder: null } } a && clock.GetUtcNow().UtcDateTime < a.VotingClosesAt;

    [BindProperty]
    public AddResolutionInput Resolution { get; set; } = new(null, null);

    [BindProperty]
    public Dictionary<string, string> Choices { get; set; } = [];

    [BindProperty]
    public string? ProxyTo { get; set; }

    [BindProperty]
    public string? ForNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(id, ct));
    }

    public Task<IActionResult> OnPostResolutionAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await addResolution.HandleAsync(AssemblyId.From(id), Resolution, Actor, ct); return "Résolution ajoutée à l'ordre du jour."; }, ct);

    public Task<IActionResult> OnPostAttachAsync(Guid id, Guid resolution, IFormFile? file, CancellationToken ct) =>
        RunAsync(id, async () =>
        {
            await attach.HandleAsync(AssemblyId.From(id), resolution, file?.FileName, await AttachResolutionDocument.ReadAsync(file, ct), Actor, ct);
            return "Document joint à la résolution.";
        }, ct);

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid document, CancellationToken ct) =>
        await DownloadAsync(async () =>
        {
            var (name, content) = await attach.ReadAsync(AssemblyId.From(id), document, Actor, ct);
            return File(content, "application/pdf", name);
        });

    public Task<IActionResult> OnPostConveneAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => $"Assemblée convoquée : {French.Count((await convene.HandleAsync(AssemblyId.From(id), Actor, ct)).Eligible, "sociétaire")} sur la liste, convocations envoyées.", ct);

    public Task<IActionResult> OnPostProxyAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await giveProxy.HandleAsync(AssemblyId.From(id), new GiveProxyInput(ProxyTo), Actor, ct); return "Pouvoir donné : le sociétaire votera pour vous."; }, ct);

    public Task<IActionResult> OnPostVoteAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () =>
        {
            var receipt = await castVote.HandleAsync(AssemblyId.From(id), new CastVoteInput(Choices, string.IsNullOrWhiteSpace(ForNumber) ? null : ForNumber), Actor, ct);
            return $"Vote enregistré ({French.Count(receipt.Voices, "voix", "voix")} : {string.Join(", ", receipt.Names)}) le {GovernanceDocuments.When(receipt.At)}. Accusé de réception : {receipt.Code} — gardez-le, il prouve que votre vote est compté (pas comment).";
        }, ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () => { await close.HandleAsync(AssemblyId.From(id), Actor, ct); return "Vote clos : résultats et procès-verbal disponibles."; }, ct);

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, bool minutes, CancellationToken ct) =>
        await DownloadAsync(async () =>
        {
            var (name, content) = await assemblies.DocumentAsync(AssemblyId.From(id), minutes, Actor, ct);
            return File(content, "application/pdf", name);
        });

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<string>> action, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect($"/assemblees/{id}?fait={Uri.EscapeDataString(await action())}"), string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(id, ct)) : result;
    }

    private async Task ShowAsync(Guid id, CancellationToken ct) => Assembly = await assemblies.HandleAsync(AssemblyId.From(id), Actor, ct);
}
