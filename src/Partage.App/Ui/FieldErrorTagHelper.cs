using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Partage.App.Ui;

/// <summary>
/// A field in error tells it where it stands: <c>aria-invalid="true"</c>, its message written just after it and tied
/// to it by <c>aria-describedby</c>, so a screen reader reads the message with the field. Every input, select and
/// textarea of every form gets it, whether written by hand or with <c>asp-for</c> (this runs after the framework's
/// helpers, once the name is known); the messages are the ones the page's checks put in the model state.
/// </summary>
[HtmlTargetElement("input")]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
public sealed class FieldErrorTagHelper : TagHelper
{
    public override int Order => 1000;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.Attributes.TryGetAttribute("name", out var nameAttribute) || nameAttribute.Value?.ToString() is not { Length: > 0 } name
            || (output.Attributes.TryGetAttribute("type", out var type) && type.Value?.ToString() == "hidden")
            || !ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        var errorId = ErrorId(name);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} {errorId}" : errorId;
        output.Attributes.SetAttribute("aria-describedby", describedBy);
        var messages = string.Join(' ', entry.Errors.Select(e => HtmlEncoder.Default.Encode(e.ErrorMessage)));
        output.PostElement.AppendHtml($"<span id=\"{errorId}\" class=\"field-error\">{messages}</span>");
    }

    /// <summary>The id of a field's message: its name with what an id cannot hold replaced ("Input.Lines[0].Quantity" → "Input_Lines_0__Quantity-erreur").</summary>
    public static string ErrorId(string name) => TagBuilder.CreateSanitizedId(name, "_") + "-erreur";
}
