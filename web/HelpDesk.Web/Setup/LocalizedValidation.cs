using System.ComponentModel.DataAnnotations;
using HelpDesk.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HelpDesk.Web.Setup;

/// <summary>
/// The framework's own messages exist only in English. This gives every validation attribute
/// without a message the key "Validation_{Attribute}" and translates model-binding messages.
/// </summary>
internal sealed class LocalizedModelBindingMessages(IStringLocalizer<Strings> localizer) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        options.ModelMetadataDetailsProviders.Add(new ValidationMessageKeys());
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(value => localizer["Validation_ValueInvalid", value]);
        messages.SetValueMustBeANumberAccessor(field => localizer["Validation_MustBeNumber", field]);
        messages.SetMissingBindRequiredValueAccessor(field => localizer["Validation_Required", field]);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => localizer["Validation_AttemptedValueInvalid", value, field]);
        messages.SetMissingKeyOrValueAccessor(() => localizer["Validation_ValueRequired"]);
        messages.SetUnknownValueIsInvalidAccessor(field => localizer["Validation_Required", field]);
        messages.SetValueMustNotBeNullAccessor(field => localizer["Validation_Required", field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["Validation_ValueInvalid", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Validation_ValueRequired"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Validation_ValueRequired"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Validation_ValueRequired"]);
    }

    private sealed class ValidationMessageKeys : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceName is null)
                    attribute.ErrorMessage = "Validation_" + attribute.GetType().Name.Replace("Attribute", "");
            }
        }
    }
}
