use serde::Serialize;
use ts_rs::TS;

use crate::domain::Publication;
use crate::error::AppError;
use crate::store::{Id, Store};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicationView {
    pub id: Id,
    pub publication: Publication,
}

pub fn publication_view(store: &dyn Store) -> Result<PublicationView, AppError> {
    let id = store.default_publication_id()?;
    Ok(PublicationView { id, publication: store.publication(id)? })
}

/// Creates the publication of a fresh database (《联络动态》's settings) unless one exists;
/// returns whether it did.
pub fn ensure_publication(store: &mut dyn Store) -> Result<bool, AppError> {
    if store.default_publication_id().is_ok() {
        return Ok(false);
    }
    store.create_publication(&Publication::lianluo_dongtai())?;
    Ok(true)
}

/// Checks the settings a user typed and stores them.
pub fn update_publication(store: &mut dyn Store, publication: &Publication) -> Result<(), AppError> {
    validate(publication)?;
    let id = store.default_publication_id()?;
    Ok(store.update_publication(id, publication)?)
}

/// The first problem of `publication_problems`, for callers that show one message (the CLI).
fn validate(publication: &Publication) -> Result<(), AppError> {
    match super::settings::publication_problems(publication).into_iter().next() {
        Some(problem) => Err(AppError::invalid(problem.message)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_phone_with_a_long_dash() {
        let mut publication = Publication::lianluo_dongtai();
        publication.footer.phone = "0731—85309319".into();
        let error = validate(&publication).expect_err("long dash is refused");
        assert!(error.message.contains("半角连字符"), "message says what to type instead");
    }

    #[test]
    fn refuses_an_email_that_is_not_one() {
        let mut publication = Publication::lianluo_dongtai();
        for bad in ["hnrdlgwxrc163.com", "a@b", "汤建@163.com", "a @b.com"] {
            publication.footer.email = bad.into();
            assert!(validate(&publication).is_err(), "{bad} is not an e-mail address");
        }
        publication.footer.email = "hnrdlgwxrc@163.com".into();
        assert!(validate(&publication).is_ok());
    }
}
